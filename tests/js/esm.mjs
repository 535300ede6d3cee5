// node --import ./tests/js/esm.mjs --test …: the site's scripts in docs/assets/javascripts are
// ES modules named .js (browsers load them as modules); Node is told so here, as no
// package.json sits next to them (it would be published with the site).
import { register } from "node:module";

register("./esm-hooks.mjs", import.meta.url);
