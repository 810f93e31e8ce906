import type { SlotDefinition } from '@tcma/campaign-model';
import type { TemplateVocabulary } from '../template/template-analysis';

export const FIXTURE_SLOTS: SlotDefinition[] = [
  { name: 'logo', type: 'logo', required: false },
  { name: 'company_name', type: 'text', required: true, maxLength: 80 },
  { name: 'website', type: 'url', required: true },
  { name: 'email', type: 'email', required: true },
  { name: 'phone', type: 'phone', required: false },
  { name: 'primary_color', type: 'color', required: false, fallback: '#0b5fff' },
  { name: 'address', type: 'address', required: true },
];

export const FIXTURE_VOCABULARY: TemplateVocabulary = {
  slots: new Map(FIXTURE_SLOTS.map((s) => [s.name, s])),
  linkNames: new Set(['trial']),
};

/** A small but complete email: every compliance element, conditional slots, a prospect block. */
export const FIXTURE_MJML = `<mjml>
  <mj-head>
    <mj-style>.brand { color: {{partner.primary_color}}; }</mj-style>
  </mj-head>
  <mj-body>
    <mj-section>
      <mj-column>
        {{#if partner.logo}}<mj-image src="{{partner.logo}}" alt="{{partner.company_name}}" width="160px" />{{/if}}
        <mj-text>{{#if prospect.first_name}}Hi {{prospect.first_name}},{{else}}Hello,{{/if}}</mj-text>
        <mj-text>Acme Cloud Backup keeps every file safe. {{partner.company_name}} can set it up for you.</mj-text>
        <mj-button background-color="{{partner.primary_color}}" href="{{links.trial}}">Start a trial</mj-button>
        <mj-text css-class="brand">Write to <a href="mailto:{{partner.email}}">{{partner.email}}</a>{{#if partner.phone}} or call {{partner.phone}}{{/if}}.</mj-text>
        <mj-text font-size="11px">{{partner.company_name}}, {{partner.address}} · <a href="{{links.unsubscribe}}">Unsubscribe</a> · <a href="{{partner.website}}">{{partner.website}}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
