import { usePublishingPolicy } from '../publish/use-reviews';

/**
 * Whether the draft is only read here: the campaign is archived, or the API's publishing policy
 * says this user may not edit (an approver reviews what marketers and admins write). Its forms
 * then offer nothing the API would refuse.
 */
export function useDraftReadOnly(campaign: { status: string }): boolean {
  const policy = usePublishingPolicy();
  return campaign.status === 'archived' || policy.data?.mayEdit === false;
}
