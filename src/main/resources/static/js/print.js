// Prints the page from its print button: the content security policy allows no inline handler.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
