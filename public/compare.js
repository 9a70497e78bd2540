// Keyboard navigation of the comparison page: j/k move between statements,
// p jumps from a version (or a highlighted statement in the texts) to its partner.
(function () {
  var pairs = Array.prototype.slice.call(document.querySelectorAll('.pair'));
  var current = -1;
  function focusPair(i) {
    if (!pairs.length) return;
    current = Math.max(0, Math.min(pairs.length - 1, i));
    pairs[current].focus();
    pairs[current].scrollIntoView({ block: 'start' });
  }
  function partnerOf(el) {
    var holder = el && el.closest ? el.closest('[data-partner]') : null;
    return holder ? document.getElementById(holder.getAttribute('data-partner')) : null;
  }
  function goTo(target) {
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'center' });
    target.classList.add('flash');
    setTimeout(function () {
      target.classList.remove('flash');
    }, 1200);
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    var active = document.activeElement;
    var inPair = active && active.closest ? active.closest('.pair') : null;
    if (inPair) current = pairs.indexOf(inPair);
    if (e.key === 'j') {
      e.preventDefault();
      focusPair(current + 1);
    } else if (e.key === 'k') {
      e.preventDefault();
      focusPair(current - 1);
    } else if (e.key === 'p') {
      var from =
        active && active.closest && active.closest('[data-partner]')
          ? active
          : inPair
            ? inPair.querySelector('.version-earlier')
            : null;
      var target = partnerOf(from);
      if (target) {
        e.preventDefault();
        goTo(target);
      }
    }
  });
  document.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('.anchor-quote[data-partner]') : null;
    if (el) goTo(partnerOf(el));
  });
  Array.prototype.forEach.call(document.querySelectorAll('.anchor-quote, .version'), function (el) {
    el.setAttribute('tabindex', '0');
  });
})();
