// Runs in <head> before first paint: applies a stored theme choice so there is no flash of the
// wrong theme. Kept tiny and standalone; astro.config.mjs adds its hash to the page CSP.
export const themeInitScript =
  'try{var t=JSON.parse(localStorage.getItem("aitm:v1:theme"));if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}';
