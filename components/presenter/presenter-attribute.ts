// Presenter mode, for a projector: an attribute on <html> that CSS reads (PresenterStyles), kept in
// localStorage like the theme mode. Not a client module, so the root layout can inline the script.

export const PRESENTER_STORAGE_KEY = "console-presenter-mode";
export const PRESENTER_ATTRIBUTE = "data-presenter";

/** Marks an element that shows an id (object, request, job or rule id; a GUID): presenter mode hides it. */
export const ID_CLASS = "console-id";
/** Marks what a presenter shows the room (the run's result): presenter mode enlarges it. */
export const PRESENTER_ENLARGE_CLASS = "presenter-enlarge";

/** Runs before the first paint, so a reload in presenter mode never flashes an id. */
export const PRESENTER_INIT_SCRIPT = `try{if(localStorage.getItem(${JSON.stringify(PRESENTER_STORAGE_KEY)})==="on")document.documentElement.setAttribute(${JSON.stringify(PRESENTER_ATTRIBUTE)},"on")}catch(e){}`;
