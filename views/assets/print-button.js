// 「印刷」 buttons (data-print): the CSP forbids inline onclick, so the handler is attached here.
(() => {
  for (const b of document.querySelectorAll('[data-print]')) b.addEventListener('click', () => window.print());
})();
