// The visitor's own time beside each timed meeting, when it differs from the meeting's: worked out
// here, in the browser, from the instants the page carries, and worded in the page's language.
// Nothing is requested from anywhere; without JavaScript the page keeps the meeting's own time.
"use strict";
{
  const slots = document.querySelectorAll(".wsis-local-time[data-wsis-start]");
  // Intl's first use loads the locale's data: only pages with timed meetings pay for it.
  const visitor = slots.length ? Intl.DateTimeFormat().resolvedOptions().timeZone : "";
  // The hour and minute on a 24-hour clock; the words around them are the page's own.
  const clock = { hour: "numeric", minute: "numeric", hourCycle: "h23", numberingSystem: "latn" };
  const dayMonth = { day: "numeric", month: "long", numberingSystem: "latn" };
  const dayOnly = { day: "numeric" };
  const zoneName = { timeZoneName: "long" };
  const formats = new Map();
  const pluralRules = new Map();
  const plurals = (locale) => {
    if (!pluralRules.has(locale)) pluralRules.set(locale, new Intl.PluralRules(locale));
    return pluralRules.get(locale);
  };
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
    const words = slot.dataset;
    // A time as the page's `time_pattern` writes it: HH or H, mm, and 'quoted' words.
    const written = (moment) => {
      const parts = format(locale, clock, visitor).formatToParts(moment);
      const hour = Number(parts.find((part) => part.type === "hour")?.value);
      const minute = Number(parts.find((part) => part.type === "minute")?.value);
      // On the hour, in the singular where the language counts the hour as one (1 heure).
      const one = minute === 0 && plurals(locale).select(hour) === "one";
      const pattern = minute ? words.wsisClock : one ? words.wsisOnTheHourOne : words.wsisOnTheHour;
      return pattern.replace(/'([^']*)'|HH|H|mm|m/gu, (token, quoted) => {
        if (quoted !== undefined) return quoted;
        const value = token.startsWith("H") ? hour : minute;
        return token.length === 2 ? String(value).padStart(2, "0") : String(value);
      });
    };
    const here = [start, end].map((moment) => format(locale, clock, visitor).format(moment));
    const there = [start, end].map((moment) => format(locale, clock, meeting).format(moment));
    if (here.join() === there.join()) continue; // the same clock: nothing to add
    let time =
      start.valueOf() === end.valueOf()
        ? words.wsisSingle.replace("{time}", written(start))
        : words.wsisRange.replace("{start}", written(start)).replace("{end}", written(end));
    // The day is said only when the visitor's differs from the meeting's, joined as the page
    // joins a date and a time ("10 septembre, de 1 heure à 2 heures", "9月10日 01:00至02:00").
    const sameDay =
      format(locale, dayOnly, visitor).format(start) ===
      format(locale, dayOnly, meeting).format(start);
    if (!sameDay) {
      const day = format(locale, dayMonth, visitor).format(start);
      time = words.wsisDateTime.replace("{1}", day).replace("{0}", time);
    }
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
