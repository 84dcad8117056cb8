import { useSecretStatus } from '../common/toolbox-state';
import { SecretRow } from './SecretRow';

/** Lists the secrets the app reads from the OS keychain: their status, never their values. */
export function SecretsPanel() {
  const secrets = useSecretStatus();

  return (
    <section className="card" aria-labelledby="secrets-title">
      <h2 id="secrets-title">Secrets</h2>
      <p>
        Stored in the OS keychain, never in the config file. A stored value cannot be shown again
        here: to change it, enter the new one.
      </p>
      {secrets.error && <p className="error-text">Could not read the keychain: {secrets.error}</p>}
      <ul className="secrets">
        {secrets.value?.map((secret) => (
          <SecretRow key={secret.name} secret={secret} onChanged={secrets.reload} />
        ))}
      </ul>
    </section>
  );
}
