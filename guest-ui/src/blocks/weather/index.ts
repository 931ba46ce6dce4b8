// The weather blocks of the Online Reception: At a glance and Weather.
export { GlanceBlock } from "./glance-block";
export { WeatherBlock } from "./weather-block";
