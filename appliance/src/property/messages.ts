/** Every sentence the property capability says to people. */
export const propertyTexts = {
  notSetUp: "The property is not set up yet; finish the setup first.",
  coordinatesTogether: "Latitude and longitude go together: set both or clear both.",
  giveOtherCoordinate: (missing: string) => `Give the ${missing} too, or clear both.`,
} as const;
