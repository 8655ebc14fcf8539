// Page actions declared with data attributes instead of inline handlers (the Content-Security-Policy
// forbids onclick=…): data-action="print" prints the page, data-action="back" goes back one page,
// data-href="…" follows the address.
(function () {
    "use strict";
    document.addEventListener("click", function (event) {
        var target = event.target.closest("[data-action], [data-href]");
        if (!target) {
            return;
        }
        var action = target.getAttribute("data-action");
        if (action === "print") {
            event.preventDefault();
            window.print();
        } else if (action === "back") {
            event.preventDefault();
            window.history.back();
        } else if (target.hasAttribute("data-href")) {
            event.preventDefault();
            window.location.href = target.getAttribute("data-href");
        }
    });
})();
