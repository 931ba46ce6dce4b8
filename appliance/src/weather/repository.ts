import type { Db } from "../db/index.js";
import type { WeatherForecastRow } from "./tables.js";

/** The only code that touches the weather table (one row, id 1). */
export const weatherRepository = {
  get: (db: Db): Promise<WeatherForecastRow | undefined> => db.selectFrom("weather_forecasts").selectAll().where("id", "=", 1).executeTakeFirst(),

  save: (db: Db, row: WeatherForecastRow) =>
    db
      .insertInto("weather_forecasts")
      .values(row)
      .onConflict((oc) => oc.column("id").doUpdateSet(row))
      .execute(),
};
