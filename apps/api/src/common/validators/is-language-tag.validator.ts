import { canonicalLanguage } from '@tcma/translation';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** A BCP 47 language tag (`de`, `fr-CA`, `pt-BR`) as the engine keeps them (canonicalLanguage); null passes. */
export function IsLanguageTag(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLanguageTag',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a BCP 47 language tag such as de, fr-CA or pt-BR', ...options },
      validator: {
        validate: (value: unknown) =>
          value === null || (typeof value === 'string' && canonicalLanguage(value) !== null),
      },
    });
}
