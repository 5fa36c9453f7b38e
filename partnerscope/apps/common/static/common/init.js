// Mark the page as able to run GOV.UK Frontend's JavaScript, then start its components.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
import("/static/govuk/govuk-frontend.min.js").then(function (govuk) {
  govuk.initAll();
});
