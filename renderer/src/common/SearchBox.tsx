interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  label?: string;
}

/** Renders the search field over the history: ticket number, contact or company. */
export function SearchBox({ value, onChange, label = 'Search tickets' }: SearchBoxProps) {
  return (
    <input
      type="search"
      className="search"
      aria-label={label}
      placeholder="Ticket, contact or company"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
