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
