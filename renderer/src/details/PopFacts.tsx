import type { PopResult } from '../../../shared/result';
import { popFacts } from './pop-fields';

/** Lists the pop's parameters as 1Stream sent them, then the caller as the pipeline found them. */
export function PopFacts({ result }: { result: PopResult }) {
  return (
    <dl className="facts">
      {popFacts(result).map((fact) => (
        <div key={fact.label} className="fact">
          <dt>{fact.label}</dt>
          <dd>{fact.value ?? <em>not given</em>}</dd>
        </div>
      ))}
    </dl>
  );
}
