/* Videos (overrides/partials/video.html): captions in the page's language when playback starts,
   chapter links that seek, and external players loaded only after the reader's click. */
(() => {
  const showCaptions = (video) => {
    const tracks = Array.from(video.textTracks);
    if (tracks.some((track) => track.mode === "showing")) return;
    const own = tracks.find((track) => track.language === video.dataset.videoCaptions);
    if (own) own.mode = "showing";
  };

  const initVideo = (figure, video) => {
    video.addEventListener("play", () => showCaptions(video), { once: true });
    for (const link of figure.querySelectorAll("[data-video-seek]")) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        video.currentTime = Number(link.dataset.videoSeek);
        video.play().catch(() => {}); // a blocked autoplay still leaves the video at the chapter
        video.focus();
      });
    }
  };

  const initExternal = (frame) => {
    const button = frame.querySelector("[data-video-load]");
    button.hidden = false;
    button.addEventListener("click", () => {
      const iframe = document.createElement("iframe");
      iframe.src = frame.dataset.videoEmbed;
      iframe.title = frame.dataset.videoEmbedTitle;
      iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      iframe.allowFullscreen = true;
      frame.replaceChildren(iframe);
      frame.classList.add("video__frame--loaded");
      iframe.focus();
    });
  };

  const init = () => {
    for (const figure of document.querySelectorAll("[data-video]:not([data-video-ready])")) {
      figure.dataset.videoReady = "";
      const video = figure.querySelector("video");
      if (video) initVideo(figure, video);
      const frame = figure.querySelector("[data-video-embed]");
      if (frame) initExternal(frame);
    }
  };

  // Material's document$ fires on every page, with or without instant navigation.
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
