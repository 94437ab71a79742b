/** An on/off button (role "switch") with a visible label, as on the profile page. */
export function Switch({
  checked,
  label,
  onToggle,
  disabled,
  describedBy,
  id,
}: {
  checked: boolean;
  label: string;
  onToggle: () => void;
  disabled?: boolean;
  describedBy?: string;
  id?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      className={`switch ${checked ? 'on' : ''}`}
      onClick={onToggle}
      disabled={disabled}
      id={id}
    >
      <span className="switch-thumb" aria-hidden="true" />
      <span className="switch-label">{label}</span>
    </button>
  );
}
