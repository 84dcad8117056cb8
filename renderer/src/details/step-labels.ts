import type { StepName, StepStatus } from '../../../shared/result';

/** Each pipeline step in the words a technician uses; the step name stays visible beside it. */
export const stepLabels: Record<StepName, string> = {
  parse_request: 'Read the screen pop',
  get_ticket: 'Get the PSA ticket',
  get_contact: 'Get the PSA contact',
  find_company: 'Find the company mapping',
  determine_idp: 'Determine the identity provider',
  check_directory_need: 'Check whether the form needs a directory user',
  find_directory_user: 'Find the directory user (Microsoft Graph)',
  build_link: 'Build the form link',
  check_link: 'Check the form link',
};

export const statusLabels: Record<StepStatus, string> = {
  ok: 'OK',
  skipped: 'Skipped',
  warning: 'Warning',
  error: 'Failed',
};
