// 郵便番号 → 住所 (offline data on the server: GET /postal-codes/:code).
// For every input[data-postal-lookup]: once 7 digits are typed (123-4567 and full-width digits too),
// fill [data-postal-fill] in the same form with 都道府県・市区町村・町域 — only when it is empty or
// still holds the previous lookup's text, so what staff typed is never overwritten. A form that has
// separate [data-postal-prefecture] and [data-postal-city] fields gets the parts in those instead.
(() => {
  const digitsOf = (s) =>
    s
      .normalize('NFKC')
      .replace(/[〒\s\-‐‑–—―−ー]/g, '');
  const fill = (el, text) => {
    if (!el) return;
    if (el.value !== '' && el.value !== el.dataset.postalFilled) return;
    if (el.tagName === 'SELECT' && ![...el.options].some((o) => (o.value || o.text) === text)) return;
    el.value = text;
    el.dataset.postalFilled = text;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  for (const input of document.querySelectorAll('input[data-postal-lookup]')) {
    let last = '';
    const lookup = async () => {
      const code = digitsOf(input.value);
      if (!/^\d{7}$/.test(code) || code === last) return;
      last = code;
      const res = await fetch(`/postal-codes/${code}`, { headers: { accept: 'application/json' } });
      if (!res.ok || digitsOf(input.value) !== code) return;
      const a = await res.json();
      const scope = input.form || document;
      const pref = scope.querySelector('[data-postal-prefecture]');
      const city = scope.querySelector('[data-postal-city]');
      const target = scope.querySelector('[data-postal-fill]');
      if (pref && city) {
        fill(pref, a.prefecture);
        fill(city, a.city);
        fill(target, a.town);
      } else fill(target, a.prefecture + a.city + a.town);
    };
    input.addEventListener('input', lookup);
    input.addEventListener('change', lookup);
  }
})();
