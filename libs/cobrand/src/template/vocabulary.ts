import type { CampaignContent } from '@tcma/campaign-model';
import type { TemplateVocabulary } from './template-analysis';

export function vocabularyOf(content: Pick<CampaignContent, 'slots' | 'links'>): TemplateVocabulary {
  return {
    slots: new Map(content.slots.map((s) => [s.name, s])),
    linkNames: new Set(content.links.map((l) => l.name)),
  };
}
