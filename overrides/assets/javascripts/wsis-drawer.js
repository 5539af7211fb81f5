// The phone menu from the keyboard. Material opens its drawer from a <label>, which Tab never
// reaches: this puts a button in its place (Tab, then Enter or Space), says whether the menu is
// open (aria-expanded), moves focus into it, and closes it on Escape with focus back on the
// button. Without JavaScript the label stays, and opens the menu with a tap or a click.
"use strict";
{
  const toggle = document.getElementById("__drawer");
  const label = document.querySelector(".md-header label[for='__drawer']");
  const drawer = document.querySelector(".md-sidebar--primary");
  if (toggle && label && drawer) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `${label.className} wsis-menu`;
    button.append(...label.childNodes); // the icon, and the name for screen readers
    drawer.id ||= "wsis-drawer";
    button.setAttribute("aria-controls", drawer.id);
    label.replaceWith(button);
    const announce = () => button.setAttribute("aria-expanded", String(toggle.checked));
    // Material listens to the checkbox's change event (to lock the page's scrolling).
    const setOpen = (open) => {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
      announce();
    };
    announce();
    toggle.addEventListener("change", announce);
    button.addEventListener("click", () => {
      setOpen(!toggle.checked);
      if (toggle.checked) drawer.querySelector("a[href]")?.focus();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !toggle.checked) return;
      setOpen(false);
      button.focus();
    });
  }
}
