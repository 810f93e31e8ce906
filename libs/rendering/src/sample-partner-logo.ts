/**
 * The logo the sample partner's previews show in a logo slot: a grey dashed box saying
 * "Partner logo", served by the engine (`GET /public/sample-partner-logo.png`) so the vendor sees where
 * and how large a partner's logo stands, never a broken image. 320 × 96 px, drawn from this SVG
 * with sharp (`.png({ palette: true, compressionLevel: 9 })`) and kept as bytes, so serving it needs
 * no fonts and no rendering:
 *
 *   <svg xmlns='http://www.w3.org/2000/svg' width='320' height='96' viewBox='0 0 320 96'>
 *     <rect x='2' y='2' width='316' height='92' rx='10' fill='#f1f3f5' stroke='#868e96' stroke-width='3' stroke-dasharray='10 7'/>
 *     <text x='160' y='58' text-anchor='middle' font-family='DejaVu Sans, Arial, sans-serif' font-size='26'
 *       font-weight='bold' fill='#495057'>Partner logo</text>
 *   </svg>
 */
export const SAMPLE_PARTNER_LOGO_PNG: Buffer = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAUAAAABgCAMAAABblVsaAAACtVBMVEVMaXGHjJaHjZb///+FjZWGjpaGjJWHjZaFjpaFjZWNjY2GjpmHh5aFjZ' +
    'aFjpaFjpeFjpWOjo6FjpaFjZaIjpTv8vX////s7/KGjZbw8/Xx8/SFjpaFjZbx8/Tx8vR/f5+FjpaGjpaEj5aGjJWMk5rw8vXy8vXFyc/w8/WG' +
    'jpaGjpXx8/SFjpamq7Pw8vXBxcuMjJmLk5uFjZWFjpbT19qGj5Tx8/VJUFeGjpa3vcLAxMm7wMVnbnNiaG9KUVh9gofQ0tXf4uWprbHw8vRfZW' +
    'zW2t3R1dmts7jKztPb3uB3fYLd3+JUW2GXnKDl6OqDiI6Eio5PVVzX2t3Ex8teZGthZ25RV1/t7/FPV17O0dV/hYtMU1rv8fOBhozj5uhmbHLf' +
    '4eTs7vB2fIFNVFt/hImnq69wdXyeo6ePlJnr7O7T1tlWXGPV2NucoKXu8PNaYGba3d+doqZLUlmpsLausra3u77N0dNPVl3p6+14foPJzc97gI' +
    'ZbYmhzen/KztCNkpivtLiLkJVxdn3q7O+NlZy2ur3R09fk5+nBxMjW2d1TWWDM0NJcZGqrr7NYXmTn6ezn6uzHy86orbG/xMehpari5OeMkZaj' +
    'p6y2ub56gIWaoaivs7eWm56tsbSJjpO0uLyfpKi7v8Pt8PKPlp7r7vDq7O6Bh42IjZK7vsG+wsVtcnnY293Lz9FvdHvCxsq4u79kaW/Hyc26v8' +
    'K5vcDc3+GTmJ29wcXr7e9zeX7Iy86Gi5DP0dWytrqKjpRqcXfR1tmboKSorLC1u8C8wMNrcndYX2WJjZJla3He4OOan6PS1dhzeH+Xmp/N0NN5' +
    'f4RVW2J9gohWXWORlpu0ub+6vcGzuL7m6Oulqa62u8Gpr7awtbhpcHVob3VnbXPCx8uSlpuqrrLLztHS1tqnrbTM0NTFyMy/xMldS5dDAAAANn' +
    'RSTlMAMVUBol1Xd4iACRcRdKo1kALuWytTBlnz2PTlM92mCKjfS3L0i0+oifun3PSbo+cU+D/n9TcBSFlHAAAACXBIWXMAAAsTAAALEwEAmpwY' +
    'AAAHGUlEQVR42u2d91sURxjHL6IxShAMsbcY03udnaggcpDklIviBTylNylCFEWKUo2oNBEQsAAKGBsiauy9RWONMdb0/ndk3tnZ5ZA9gcXnya' +
    'Hv94fb2Xdmbr3PvvvO7OvwjMFgo76q0PAgg4u760CDlqgqNHRgeO9+doOHjB42vLWeyEKDHcO7QwbbwOvf23XQKKj/SJXogAZNw5mFd8nrg1R+' +
    'TgPoC7cJqqt60UmJjMwldyGPrusVAx9KnN+g9AekoUNfvDnWmQF0o3R9MNLQob8odTMYBr5P6Z8IQ49OUjpioMGV0kYjwtAjYyOlrgZ3ShciC3' +
    '26R6m7wYXSu4hCn85Q6mLoR+kERKFPEyjtZ+j/9JczEUU3ABoMCAIBIsCeqcmzej2LALslnkxADAjw/wTY95ll4xFENwDiRBoBIsCeqlkLB/RC' +
    'gN2dSCNABIgAESACRGFCFdNZCBABoggmVDEfiAAxoYp6fNJZ5yMjI089EgCX+gkVX744ozMdFlssloRuX9ZDkqRJjwTAiVKrPPc3dNzhc9ZwWg' +
    '8H+DATqrYAJSnv8QD4MJMJHODWqqrrhdwHUxGgHoCfsULobijVsNLBo8diksxJtaliAexML6ZQErE31vyHl9c81moKWFinBHYwEZJabb5jExab' +
    'cpPNm+pXK2esTSIhl+6Ya+0ALN1ebb5Yntq63ju9JbZ6ewQJhatslk3GSyVJ5jXbQh0YIMmF0jpCYhYoD3TxIt5kKpS9d2ayz99sHndW6cMOs8' +
    'Mjue/mifhZtFSutpoj+PkUVp6YHsI+f9EEuDouTe7gs1HUtcyF00xLLRx8uelAmNwmaGuo4wI8C6UsQmJtIKWoAOMC4fNGe4DNPuI8iX/fxii1' +
    'wZx4BWDYEjgP0wIYHtD6jXG8Kt9TPosKUQHGeqptMn0dFmAOlKYDQI8jp6rNGUHstLBUASj/hLj2AFlVJvfZQuB1FfhZ85LXgeW8AlDurAXQuA' +
    'Nq/DJ28CYlQJTfqcAd38tXAV7b+FVOXFsFx4DNjpVQ5QCXm0w79/OfsIGQMhHO6uE8XwEo+ZUXJLbsaTuIcIC7m8gKjuEws2RByyZWWAO/OUEA' +
    'lKQj2fPLyjUAtkDl5XQ2vYQHeRW7B2awLEknxiQFoBGcNKiCBedJPJg4Vjqr7TSmOF6MG7enmpr8meGKAnDBVY1RmANcrPjIMUIq4S7EQlUD9E' +
    '5WAObYG4Wj+f0DC3duRgmiXVolMwR7CIBH4bgF2uyDp2KOAwP08+LTzDwfdRypUwBmEDsAA6CQCk1+Z8Gex74QkJWVrikAv7UHEEamYm6xyHG0' +
    'AW7BIW6pEQBL4LiWm85BbDQ6KkBrXThYNnnaIJ2uAKyxBzASCgni2cpt48/SCQGw0O48EPy0mVsKZE9doVyVTQcEwGQ4lnETd9hSh0qocoAxKS' +
    'kp+UUHuSEb+C3Iqquq8rcFGGMP4GwozBAAj7UFGCYAXrALEPz0HFHvwQ0SL6kTnGQBcBMcLdzEx6Z0h8oHto7CQhCLPLMhikXZAvTuFMBdcKw1' +
    'KQpX5oF2AcI3fMOfye3QdQ0hMPoGGFV38xVu/SPvBgEykDg2QBjp5kFhj6QJMECebmsDXA1R/rjStDK9Q4BbVe8KEQM5x3aAGRIXCIC+YoJKyP' +
    'I20dgxEqrtAE4DDzxKyPzd2gDhRcPf22LZowWQbIHe5fBSEpydk+bbIcAy6OiRQDaXQOTwYB0r+DTQvDZ2lToPbObOGUEKfoJCiwOms2wBbuBv' +
    'AZFZVj79bQ/QLOJboCZAk/waFhm9NFD8+gcD5MTZUxzE58oVyiPANVcBWATRWPLn59Iho4MDjPhZ/PvN32kCDJ/7IIBk5zybQaQTAL/KUFtHpc' +
    'gvx83y6RI+CsOknNy0qo2aVxAHB0hCo8H1/LyN2gCJKc/H3z5AEnpFEM48fnNmxwCJccMFOU8QvVzUNZw+YfWbk2vko6/Ma8YRfznhcLqB9IAV' +
    'qlPrFy3uxmuiMbFi7df/7Ov8oxa+K39vdnw78yF4uVO+JaLobP5KE67O6sx/utQHtwbj47i8rcvaKGXW3fGu4WlF6z4EqAOgqrSVuMCy66rwF/' +
    'iCrjfhClU9ijh8+lTO/uS9lQRXqBJcH4gAUQiQ4ApVggssESAKV6jiClUEiABRBP/kH5MJCBABIkAEiADxT/4xnYUAUd0COBxJ6FTpB30+ZACH' +
    'IQm9GsbzgaMRhF69xQEO+bUAUegT31fJdSxuyKJTo/jWXs5DcUsgXUonL8mbUrENMegt9MEuKvjWspeVbdGeYwTXn8Rtbbog48n1lL76vCA4Bg' +
    'jSxr/luo/HK5qMBk3Dv2fuNQKx18aoW/O5sDhI35Zn1J+o+x9+StBg3zB0nJPN7pDObiOocMjeaoc+aLBrGOHmfN/upE4j35ELTz6l6Ak0aBvG' +
    'uY9Uve8/sP88iA4oz0MAAAAASUVORK5CYII=',
  'base64',
);

/** Where the engine serves the sample partner's logo, under its public files. */
export const SAMPLE_PARTNER_LOGO_PATH = '/public/sample-partner-logo.png';

/** The sample partner's logo as an email links it: absolute, on the engine's public address. */
export const samplePartnerLogoUrl = (publicBaseUrl: string): string => `${publicBaseUrl}${SAMPLE_PARTNER_LOGO_PATH}`;
