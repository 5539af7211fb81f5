// Adds a "copy the address" button beside each feed address; without JavaScript the address stays
// selectable text. Loaded as a file (no inline script, for the Content-Security-Policy).
"use strict";
for (const item of document.querySelectorAll(".wsis-copy")) {
  const button = item.querySelector(".wsis-copy__button");
  const address = item.querySelector(".wsis-copy__address");
  const status = item.querySelector(".wsis-copy__status");
  if (!button || !address || !status) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(address.textContent.trim());
      status.textContent = button.dataset.wsisCopied;
    } catch {
      // No clipboard (an insecure page, a refused permission): select it for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(address);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
  });
}
