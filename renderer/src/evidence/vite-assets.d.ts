// Vite's `?url` imports: the built file's URL, served from our own origin.
declare module '*?url' {
  const url: string;
  export default url;
}
