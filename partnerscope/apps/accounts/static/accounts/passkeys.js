// Once a passkey is added, reload the account page so that it lists the new passkey.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
