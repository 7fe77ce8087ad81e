// The app's version, shown in the header and recorded in exports.
export const APP_VERSION = '0.1.0';
