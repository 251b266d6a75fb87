// Shared Chart.js setup: the vendored Sarabun font (static/css/app.css) for every chart, and
// item labels wrapped at Thai word boundaries instead of cut. Cutting a Thai string by
// characters can drop a stacked mark ("ที่" becomes "ที") and hides the end of the text.
(function () {
  "use strict";
  var FONT = "Sarabun";
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter("th", {granularity: "word"}) : null;

  function words(text) {
    if (segmenter) { return Array.from(segmenter.segment(text), function (s) { return s.segment; }); }
    // Without Intl.Segmenter, keep grapheme clusters whole: a base letter with its marks.
    return text.match(/[^\u0e31\u0e34-\u0e3a\u0e47-\u0e4e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*/g) || [];
  }

  // "ร้อยละของโรงเรียนที่มีระบบนิเทศภายใน" → ["ร้อยละของโรงเรียนที่", "มีระบบนิเทศภายใน"]:
  // lines of at most `room` characters, broken only between words; the whole text is kept.
  function wrap(text, room) {
    text = String(text == null ? "" : text);
    if (text.length <= room) { return text; }
    var lines = [""];
    words(text).forEach(function (word) {
      var last = lines.length - 1;
      if (lines[last] && (lines[last] + word).length > room) { lines.push(word.replace(/^\s+/, "")); }
      else { lines[last] += word; }
    });
    return lines;
  }

  // How many characters an axis label line may take: fewer on a phone.
  function room() { return window.innerWidth < 576 ? 18 : 40; }

  // Draw once the Thai face has loaded, so Chart.js measures labels with Sarabun, not a fallback.
  function whenFontReady(draw) {
    if (window.Chart) {
      Chart.defaults.font.family = FONT + ", system-ui, sans-serif";
      Chart.defaults.font.size = 14;
    }
    if (document.fonts && document.fonts.load) {
      Promise.all([document.fonts.load("14px " + FONT, "ที่ยอดเยี่ยม"), document.fonts.load("bold 14px " + FONT, "ที่")])
        .then(draw, draw);
    } else {
      draw();
    }
  }

  window.ThaiCharts = {wrap: wrap, room: room, whenFontReady: whenFontReady};
})();
