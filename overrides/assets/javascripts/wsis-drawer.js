// The phone menu from the keyboard. Material opens its drawer from a <label>, which Tab never
// reaches: this makes that label a button (Tab, then Enter or Space), says whether the menu is
// open (aria-expanded), moves focus into it, and closes it on Escape with focus back on the
// button. Without JavaScript the label still opens the menu with a tap or a click.
"use strict";
{
  const toggle = document.getElementById("__drawer");
  const button = document.querySelector(".md-header label[for='__drawer']");
  const drawer = document.querySelector(".md-sidebar--primary");
  if (toggle && button && drawer) {
    drawer.id ||= "wsis-drawer";
    button.setAttribute("role", "button");
    button.setAttribute("aria-controls", drawer.id);
    button.tabIndex = 0;
    const announce = () => button.setAttribute("aria-expanded", String(toggle.checked));
    // Material listens to the checkbox's change event (to lock the page's scrolling).
    const setOpen = (open) => {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
      announce();
    };
    announce();
    toggle.addEventListener("change", announce);
    button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
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
