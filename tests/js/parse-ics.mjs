// Parses each .ics file named on the command line with ical.js, an independent implementation,
// and prints what it read as JSON: the Python tests compare it with what the data says.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const results = {};
let failed = false;
for (const path of process.argv.slice(2)) {
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(zone);
    }
    results[path] = {
      name: calendar.getFirstPropertyValue("x-wr-calname"),
      events: calendar.getAllSubcomponents("vevent").map((component) => {
        const event = new ICAL.Event(component);
        const end = event.endDate;
        return {
          uid: event.uid,
          summary: event.summary,
          sequence: event.sequence,
          allDay: event.startDate.isDate,
          start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
          end: end ? (end.isDate ? end.toString() : end.toJSDate().toISOString()) : null,
          status: component.getFirstPropertyValue("status"),
          description: event.description,
        };
      }),
    };
  } catch (error) {
    failed = true;
    results[path] = { error: String(error) };
  }
}
// exitCode, not exit(): exit() would cut the output written to a pipe at 64 KiB.
process.stdout.write(JSON.stringify(results));
process.exitCode = failed ? 1 : 0;
