// Swagger UI for /openapi.json, started from a file because the CSP forbids inline scripts.
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
