// A missing page in the visitor's language. Hosts such as GitHub Pages serve the root 404 page for
// every missing address, `/fr/…` and `/ar/…` included: when the address asked for is in another
// language, show that language's page, which the root 404 page carries in a <template>.
"use strict";
{
  const page = document.querySelector(".wsis-not-found[data-wsis-root]");
  const path = location.pathname;
  const root = page ? new URL(page.dataset.wsisRoot, location.href).pathname : "";
  if (page && path.startsWith(root)) {
    const asked = path.slice(root.length);
    const language = [...page.querySelectorAll("template[data-wsis-language]")].find(
      (template) => asked.startsWith(template.dataset.wsisPrefix),
    );
    if (language) {
      const content = page.querySelector(".wsis-not-found__page");
      content.replaceChildren(language.content.cloneNode(true));
      content.lang = language.dataset.wsisLanguage;
      content.dir = language.dataset.wsisDir;
      document.title = language.dataset.wsisTitle;
      for (const way of page.querySelectorAll(".wsis-not-found__languages > li")) {
        way.hidden = way.lang === content.lang;
      }
    }
  }
}
