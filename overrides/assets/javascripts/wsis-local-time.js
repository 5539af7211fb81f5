// The visitor's own time beside each timed meeting, when it differs from the meeting's: worked out
// here, in the browser, from the instants the page carries, and worded in the page's language.
// Nothing is requested from anywhere; without JavaScript the page keeps the meeting's own time.
"use strict";
{
  const slots = document.querySelectorAll(".wsis-local-time[data-wsis-start]");
  // Intl's first use loads the locale's data: only pages with timed meetings pay for it.
  const visitor = slots.length ? Intl.DateTimeFormat().resolvedOptions().timeZone : "";
  // As the pages write times: a 24-hour clock and Western digits, in every language.
  const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", numberingSystem: "latn" };
  const withDay = { ...clock, day: "numeric", month: "long" };
  const dayOnly = { day: "numeric" };
  const zoneName = { timeZoneName: "long" };
  const formats = new Map();
  const format = (locale, options, timeZone) => {
    const key = JSON.stringify([locale, options, timeZone]);
    if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, { ...options, timeZone }));
    return formats.get(key);
  };

  for (const slot of visitor ? slots : []) {
    // The locale the page's own dates are written in (`en-GB` on English pages).
    const locale = slot.dataset.wsisLocale;
    const start = new Date(slot.dataset.wsisStart);
    const end = new Date(slot.dataset.wsisEnd);
    const meeting = slot.dataset.wsisZone;
    if (Number.isNaN(start.valueOf()) || Number.isNaN(end.valueOf())) continue;
    const there = format(locale, withDay, meeting).formatRange(start, end);
    const here = format(locale, withDay, visitor).formatRange(start, end); // one time if start is end
    if (here === there) continue; // the same clock: nothing to add
    // The day is said only when the visitor's differs from the meeting's.
    const sameDay =
      format(locale, dayOnly, visitor).format(start) ===
      format(locale, dayOnly, meeting).format(start);
    // Without the spaces some languages put around the range's dash, as the pages write it.
    const time = (sameDay ? format(locale, clock, visitor).formatRange(start, end) : here).replace(
      /\s+–\s+/u,
      "–",
    );
    const zone = format(locale, zoneName, visitor)
      .formatToParts(start)
      .find((part) => part.type === "timeZoneName")?.value;
    // The zone's name isolated, so a name in another script keeps its order; the time flows as
    // the page's own times do (in Arabic the start reads first, from the right).
    const pieces = slot.dataset.wsisLabel.split(/(\{zone\})/u).map((piece) => {
      if (piece !== "{zone}") return piece.replace("{time}", time);
      const isolated = document.createElement("bdi");
      isolated.textContent = zone ?? visitor;
      return isolated;
    });
    slot.replaceChildren(" · ", ...pieces);
    slot.hidden = false;
  }
}
