/** The Entra ID user a form is prefilled with. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  mail?: string;
  displayName?: string;
  accountEnabled?: boolean;
  onPremisesSyncEnabled?: boolean;
  onPremisesSamAccountName?: string;
}

/**
 * Microsoft Graph as the pipeline uses it. Failures throw a ToolboxError with
 * code graph_error or graph_timeout (token and lookup alike), or
 * directory_user_ambiguous when two users match one address.
 */
export interface DirectoryClient {
  /** Acquires (or reuses) the app token for a tenant so a later lookup does not wait for it. */
  warmUp(tenantId: string, signal?: AbortSignal): Promise<void>;
  /** Finds the user whose UPN, mail or smtp proxy address is `email`; null when none matches. */
  findUserByEmail(tenantId: string, email: string, signal?: AbortSignal): Promise<DirectoryUser | null>;
}
