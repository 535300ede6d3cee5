/* The photo page (/clean-photo/): a photo chosen from the visitor's computer is drawn upright
   on a canvas and saved as a new file. A canvas holds pixels only, so the copy carries no
   EXIF, GPS or XMP data. Nothing is sent anywhere: the file is read and saved in the browser.
   Loaded by that page alone; no inline script, no eval (the site's Content-Security-Policy). */
(function () {
  "use strict";

  var root = document.querySelector("[data-cisotra-photo]");
  if (!root) {
    return;
  }
  var input = root.querySelector("input[type=file]");
  var status = root.querySelector(".cisotra-photo-status");
  var link = root.querySelector(".cisotra-photo-download");
  var saved = null;

  // Greek by the UN's romanisation (as the site's own names), the rest by dropping accents.
  var GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"
  };
  var OTHER = { "ı": "i", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "œ": "oe" };

  function words(text) {
    var plain = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ου/g, "ou").replace(/αυ/g, "av").replace(/ευ/g, "ev");
    var out = "";
    for (var i = 0; i < plain.length; i++) {
      var letter = plain[i];
      out += GREEK[letter] || OTHER[letter] || letter;
    }
    return out.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "photo";
  }

  function cleanName(name, type) {
    var stem = name.replace(/\.[^.]*$/, "");
    return words(stem) + (type === "image/png" ? ".png" : ".jpg");
  }

  function upright(file) {
    // "from-image": the EXIF orientation is applied to the pixels, as the site does.
    return createImageBitmap(file, { imageOrientation: "from-image" }).catch(function () {
      return createImageBitmap(file);
    });
  }

  function clean(file) {
    var type = file.type === "image/png" ? "image/png" : "image/jpeg";
    return upright(file).then(function (bitmap) {
      var canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      var context = canvas.getContext("2d");
      if (type === "image/jpeg") {
        context.fillStyle = "#fff"; // JPEG has no transparency
        context.fillRect(0, 0, canvas.width, canvas.height);
      }
      context.drawImage(bitmap, 0, 0);
      if (bitmap.close) {
        bitmap.close();
      }
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) {
          if (blob) {
            resolve({ blob: blob, name: cleanName(file.name, type) });
          } else {
            reject(new Error("the photo could not be encoded"));
          }
        }, type, 0.92);
      });
    });
  }

  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    link.hidden = true;
    status.textContent = root.dataset.working;
    clean(file).then(function (copy) {
      if (saved) {
        URL.revokeObjectURL(saved);
      }
      saved = URL.createObjectURL(copy.blob);
      link.href = saved;
      link.download = copy.name;
      link.textContent = root.dataset.download.replace("{name}", copy.name);
      link.hidden = false;
      status.textContent = root.dataset.done.replace("{name}", copy.name);
      link.click();
    }).catch(function () {
      status.textContent = root.dataset.failed;
    });
  });
})();
