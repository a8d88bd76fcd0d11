/* Review comments beside what they are about.
 *
 * The workflow panel renders every thread; each one naming a place on the
 * form (data-comment-place: a field's row, a claim's or a source's inline
 * row) is moved there, under the row's heading or at the end of the field.
 * Its buttons stay tied to forms kept in the panel (form="..."), so nothing
 * is nested in the article's form; a folded section holding one opens. Without JavaScript the threads are read
 * and answered in the panel.
 */
"use strict";
(function () {
  function placeThreads() {
    for (const thread of document.querySelectorAll(".comment-thread[data-comment-place]")) {
      const target = document.querySelector(thread.dataset.commentPlace);
      if (!target) {
        continue;
      }
      const heading = target.querySelector(":scope > h3");
      if (heading) {
        heading.after(thread);
      } else {
        target.append(thread);
      }
      thread.classList.add("comment-thread--beside");
      // A folded section of the form holding a comment opens to show it.
      const section = thread.closest("details.form-section");
      if (section) {
        section.open = true;
      }
    }
  }

  document.addEventListener("DOMContentLoaded", placeThreads);
})();
