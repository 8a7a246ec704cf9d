// Applies the remembered theme before the first paint (a classic script, so it blocks briefly).
try {
  const t = localStorage.getItem('statement-viewer:theme');
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch { /* storage disabled: follow the system theme */ }
