/* kzai: small enhancements. Every page works without this file. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    // "Copy" buttons next to read-only fields (citation, permalink).
    var status = document.querySelector(".copy-status");
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy-target"));
      if (!field) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = field.value;
        var done = function () {
          if (status) status.textContent = button.getAttribute("data-copied-text") + ": " + text;
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () {
            field.select();
          });
        } else {
          field.focus();
          field.select();
          try {
            if (document.execCommand("copy")) done();
          } catch (e) {
            /* the field stays selected for a manual copy */
          }
        }
      });
    });

    // Expand / collapse the whole table of contents.
    document.querySelectorAll("[data-toc-controls]").forEach(function (controls) {
      var toc = controls.parentElement.querySelector(".toc");
      if (!toc) return;
      controls.hidden = false;
      controls.addEventListener("click", function (event) {
        var action = event.target.getAttribute("data-toc");
        if (!action) return;
        toc.querySelectorAll("details").forEach(function (details) {
          details.open = action === "open";
        });
      });
    });

    // Print everything: open collapsed blocks (sources, TOC) and restore afterwards.
    var reopened = [];
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details:not([open])").forEach(function (details) {
        details.open = true;
        reopened.push(details);
      });
    });
    window.addEventListener("afterprint", function () {
      reopened.forEach(function (details) { details.open = false; });
      reopened = [];
    });
  });
})();
