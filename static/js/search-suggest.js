/*
 * Suggestions for the header search box (shop/templates/oscar/partials/search.html).
 *
 * As the customer types, asks `data-suggest-url?q=…` (debounced) and shows the answer as an
 * ARIA 1.2 combobox listbox: grouped options (products, producers, regions, crafts), arrow keys
 * to move, Enter to follow, Escape to close. Works the same in right-to-left pages (logical CSS,
 * no left/right assumptions). Plain JavaScript, no dependencies; without it the form still searches.
 */
(function () {
    "use strict";

    var DEBOUNCE_MS = 200;
    var MIN_CHARS = 2;

    function init(input) {
        var list = document.getElementById(input.getAttribute("aria-controls"));
        var status = document.getElementById("search-suggestions-status");
        var url = input.getAttribute("data-suggest-url");
        if (!list || !url) {
            return;
        }
        var timer = null;
        var controller = null;
        var options = [];
        var active = -1;
        var lastQuery = "";

        function announce(count) {
            if (!status) {
                return;
            }
            var text = count === 0 ? status.getAttribute("data-none")
                : count === 1 ? status.getAttribute("data-one")
                : status.getAttribute("data-many").replace("{count}", String(count));
            status.textContent = text || "";
        }

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            options = [];
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({block: "nearest"});
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(groups) {
            list.innerHTML = "";
            options = [];
            active = -1;
            groups.forEach(function (group, g) {
                var heading = document.createElement("li");
                heading.setAttribute("role", "presentation");
                heading.id = list.id + "-group-" + g;
                heading.textContent = group.label;
                list.appendChild(heading);
                group.items.forEach(function (item) {
                    var option = document.createElement("li");
                    option.setAttribute("role", "option");
                    option.setAttribute("aria-selected", "false");
                    option.setAttribute("aria-describedby", heading.id);
                    option.id = list.id + "-option-" + options.length;
                    option.setAttribute("data-url", item.url);
                    option.dir = "auto";
                    option.textContent = item.label;
                    option.addEventListener("mousedown", function (event) {
                        event.preventDefault(); // keep focus in the input until we navigate
                    });
                    option.addEventListener("click", function () {
                        window.location.assign(item.url);
                    });
                    list.appendChild(option);
                    options.push(option);
                });
            });
            var open = options.length > 0;
            list.hidden = !open;
            input.setAttribute("aria-expanded", open ? "true" : "false");
            announce(options.length);
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (query.length < MIN_CHARS) {
                close();
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = typeof AbortController === "function" ? new AbortController() : null;
            var separator = url.indexOf("?") === -1 ? "?" : "&";
            fetch(url + separator + "q=" + encodeURIComponent(query), {
                headers: {"Accept": "application/json"},
                credentials: "same-origin",
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : {groups: []};
            }).then(function (data) {
                if (input.value.trim() === query) {
                    render(data.groups || []);
                }
            }).catch(function () {
                /* aborted or offline: the form still works */
            });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "Down") {
                if (list.hidden) {
                    lastQuery = "";
                    fetchSuggestions();
                } else if (options.length) {
                    highlight((active + 1) % options.length);
                }
                event.preventDefault();
            } else if (event.key === "ArrowUp" || event.key === "Up") {
                if (options.length) {
                    highlight(active <= 0 ? options.length - 1 : active - 1);
                    event.preventDefault();
                }
            } else if (event.key === "Enter") {
                if (active >= 0 && !list.hidden) {
                    event.preventDefault();
                    window.location.assign(options[active].getAttribute("data-url"));
                }
            } else if (event.key === "Escape" || event.key === "Esc") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 150);
        });
    }

    function start() {
        var inputs = document.querySelectorAll("input[data-suggest-url]");
        Array.prototype.forEach.call(inputs, init);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
