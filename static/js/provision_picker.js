// The case form's provision picker: typing in «Найти положение» narrows every provision
// list of the form at once. Without JavaScript the «Отобрать» button asks the server for
// the same (compliance.forms.CaseProvisionFormSetWithChoices, `provision_q`).
(function () {
  "use strict";

  function norm(text) {
    return text.toLocaleLowerCase().replace(/ё/g, "е");
  }

  function setUp(picker) {
    var input = picker.querySelector("input[type=search]");
    var form = picker.closest("form");
    if (!input || !form) return;
    var selects = form.querySelectorAll("select[name$='-provision']");
    var status = picker.querySelector("[data-picker-status]");
    var button = picker.querySelector("[data-picker-submit]");
    // Typing filters at once: the button is not needed, and removed so that Enter in the
    // form's other fields saves (the first submit button of a form is its default).
    if (button) button.remove();

    function apply() {
      var words = norm(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      selects.forEach(function (select, index) {
        var groups = select.querySelectorAll("optgroup");
        // With two groups the first holds what the description cites: always offered.
        var cited = groups.length > 1 ? groups[0] : null;
        Array.prototype.forEach.call(select.options, function (option) {
          var keep = !option.value || option.selected || (cited && option.parentNode === cited);
          var text = norm(option.textContent);
          var match = words.every(function (word) { return text.indexOf(word) !== -1; });
          option.hidden = !(keep || match);
          option.disabled = !(keep || match);
          if (index === 0 && option.value && match && !(cited && option.parentNode === cited)) shown += 1;
        });
      });
      if (status) status.textContent = words.length ? status.dataset.template.replace("%s", shown) : "";
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        apply();
      }
    });
    if (input.value) apply();
  }

  function start() {
    document.querySelectorAll("[data-provision-picker]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
