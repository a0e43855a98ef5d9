// Sends the CSRF token with every htmx request, opens the phone navigation and prints from [data-print] buttons,
// all without inline script (the content security policy allows none).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name=_csrf]");
  var header = document.querySelector("meta[name=_csrf_header]");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener("click", function (event) {
  var toggle = event.target.closest("[data-toggle-target]");
  if (toggle) {
    document.querySelector(toggle.getAttribute("data-toggle-target")).classList.toggle("show");
  }
});
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
// After a refused form, brings the first field in error (or the form's own errors) into view: on a phone the field,
// such as a correction's reason under a class of 45, may be far below where the answer opens.
function showFirstError(root) {
  var error = root && root.querySelector ? root.querySelector(".is-invalid, .form-errors") : null;
  if (error) {
    error.scrollIntoView({ block: "center" });
  }
}
document.addEventListener("DOMContentLoaded", function () {
  showFirstError(document);
});
document.addEventListener("htmx:afterSwap", function (event) {
  showFirstError(event.detail.target);
});
