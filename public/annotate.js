// Annotating by selecting words: on the article page (paragraphs carry
// data-start, their offset in the article's normalized text) and in either
// column of the comparison page (.version carries data-article-id and
// data-context-start). The rendered text of each holds exactly the article's
// characters, so an offset is the holder's start plus the length of the text
// before the selection inside it. The server checks the words and finds them
// again if the page was out of date.
(function () {
  'use strict';
  var root = document.getElementById('annotate-root');
  if (!root || root.getAttribute('data-enabled') !== '1') return;
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var tags = null;
  var popup = null;

  /** The element that knows its offset, and that offset, for a node inside it. */
  function holderOf(node) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    while (el) {
      if (el.hasAttribute && el.hasAttribute('data-start') && el.closest('[data-article-id]')) {
        return {
          el: el,
          base: Number(el.getAttribute('data-start')),
          articleId: el.closest('[data-article-id]').getAttribute('data-article-id'),
        };
      }
      if (el.classList && el.classList.contains('version-text')) {
        var v = el.closest('.version');
        if (!v) return null;
        return {
          el: el,
          base: Number(v.getAttribute('data-context-start')),
          articleId: v.getAttribute('data-article-id'),
        };
      }
      el = el.parentElement;
    }
    return null;
  }

  function offsetIn(holder, node, offset) {
    var r = document.createRange();
    r.setStart(holder.el, 0);
    r.setEnd(node, offset);
    return holder.base + r.toString().length;
  }

  function loadTags() {
    if (tags) return Promise.resolve(tags);
    return fetch('/api/tags', { credentials: 'same-origin' })
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        tags = body.tags.filter(function (t) {
          return !t.retiredAt;
        });
        return tags;
      });
  }

  function closePopup() {
    if (popup) popup.remove();
    popup = null;
  }

  function field(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) {
      el.setAttribute(k, attrs[k]);
    });
    return el;
  }

  function openPopup(span, rect) {
    closePopup();
    popup = field('form', { class: 'annotate-popup', 'aria-label': 'Annotate the selected words' });
    var quote = document.createElement('p');
    quote.className = 'muted';
    quote.textContent = '“' + (span.exact.length > 80 ? span.exact.slice(0, 77) + '…' : span.exact) + '”';
    var tagLabel = field('label', { for: 'annotate-popup-tag' });
    tagLabel.textContent = 'Tag';
    // type-ahead: typing narrows the tags to those whose name holds the words typed, and picks the first
    var filter = field('input', {
      id: 'annotate-popup-tag-filter',
      type: 'search',
      placeholder: 'Type to find a tag…',
      'aria-label': 'Find a tag',
      autocomplete: 'off',
    });
    var select = field('select', { id: 'annotate-popup-tag', name: 'tagId' });
    var none = field('option', { value: '' });
    none.textContent = '— no tag (note only) —';
    select.appendChild(none);
    var noteLabel = field('label', { for: 'annotate-popup-note' });
    noteLabel.textContent = 'Note';
    var note = field('textarea', { id: 'annotate-popup-note', name: 'note', rows: '3', maxlength: '10000' });
    var save = field('button', { type: 'submit' });
    save.textContent = 'Save';
    var cancel = field('button', { type: 'button', class: 'secondary' });
    cancel.textContent = 'Cancel';
    var status = field('p', { class: 'annotate-status', role: 'status' });
    [quote, tagLabel, filter, select, noteLabel, note, save, cancel, status].forEach(function (el) {
      popup.appendChild(el);
    });
    popup.style.top = String(window.scrollY + rect.bottom + 6) + 'px';
    popup.style.left = String(Math.max(8, window.scrollX + rect.left)) + 'px';
    document.body.appendChild(popup);
    loadTags().then(function (list) {
      var groups = {};
      list.forEach(function (t) {
        if (!groups[t.family]) {
          groups[t.family] = field('optgroup', { label: t.family });
          select.appendChild(groups[t.family]);
        }
        var o = field('option', { value: t.id });
        o.textContent = t.label;
        groups[t.family].appendChild(o);
      });
    });
    filter.addEventListener('input', function () {
      var words = filter.value.toLowerCase().trim();
      var first = null;
      Array.prototype.forEach.call(select.querySelectorAll('optgroup option'), function (o) {
        var match = !words || o.textContent.toLowerCase().indexOf(words) >= 0 || o.value.indexOf(words) >= 0;
        o.hidden = !match;
        if (match && !first) first = o;
      });
      Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (g) {
        g.hidden = !g.querySelector('option:not([hidden])');
      });
      select.value = words && first ? first.value : words ? '' : select.value;
    });
    // Enter takes the tag found and goes on to the note; the arrow keys go through the list
    filter.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        note.focus();
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        select.focus();
      }
    });
    // the list takes the focus, not the filter: focusing a text field would clear the reader's selection of the words
    select.focus();
    cancel.addEventListener('click', closePopup);
    popup.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') closePopup();
    });
    popup.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = {
        articleId: Number(span.articleId),
        start: span.start,
        end: span.end,
        tagId: select.value || null,
        note: note.value || null,
      };
      if (span.exact && !span.multi) body.exact = span.exact;
      save.disabled = true;
      fetch('/api/annotations', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify(body),
      })
        .then(function (r) {
          return r.json().then(function (j) {
            return { ok: r.ok, body: j };
          });
        })
        .then(function (res) {
          if (!res.ok) {
            status.textContent = res.body.error || 'Not saved.';
            save.disabled = false;
            return;
          }
          status.textContent = 'Saved.';
          window.location.reload();
        })
        .catch(function () {
          status.textContent = 'Not saved: the server could not be reached.';
          save.disabled = false;
        });
    });
  }

  function onSelect(e) {
    if (popup && popup.contains(e.target)) return;
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    var range = sel.getRangeAt(0);
    var a = holderOf(range.startContainer);
    var b = holderOf(range.endContainer);
    if (!a || !b || a.articleId !== b.articleId) return;
    var start = offsetIn(a, range.startContainer, range.startOffset);
    var end = offsetIn(b, range.endContainer, range.endOffset);
    if (end <= start) return;
    openPopup(
      { articleId: a.articleId, start: start, end: end, exact: range.toString(), multi: a.el !== b.el },
      range.getBoundingClientRect(),
    );
  }

  document.addEventListener('mouseup', onSelect);
  document.addEventListener('keyup', function (e) {
    if (e.shiftKey) onSelect(e);
  });
})();
