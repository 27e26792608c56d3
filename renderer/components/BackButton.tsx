/** The way back from a screen; the screen binds Escape to the same `onBack`. */
export function BackButton({ label, onBack }: { label: string; onBack: () => void }) {
  return (
    <button type="button" className="btn" onClick={onBack} aria-keyshortcuts="Escape">
      {label} <kbd>Esc</kbd>
    </button>
  );
}
