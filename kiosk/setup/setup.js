// The shell's setup and exit page; talks to the main process through window.innboxSetup (preload).
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const shell = window.innboxSetup;

function showMessage(text) {
  $("message").textContent = text || "";
  $("message").hidden = !text;
}

function show(formId) {
  for (const id of ["address-form", "pair-form", "exit-form"]) $(id).hidden = id !== formId;
  const first = $(formId).querySelector("input");
  if (first) first.focus();
}

async function busy(form, work) {
  const buttons = form.querySelectorAll("button");
  buttons.forEach((b) => (b.disabled = true));
  try {
    return await work();
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

$("address-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = await busy(event.currentTarget, () => shell.checkAddress($("address").value));
  if (!result.ok) return showMessage(result.error);
  showMessage("");
  $("fingerprint-box").hidden = !result.fingerprint;
  $("fingerprint").textContent = result.fingerprint || "";
  $("plain-http").hidden = !!result.fingerprint;
  show("pair-form");
});

$("pair-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = await busy(event.currentTarget, () => shell.pair($("code").value, $("pin").value));
  if (!result.ok) return showMessage(result.error);
  showMessage("");
});

$("back").addEventListener("click", () => show("address-form"));

$("exit-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = await busy(event.currentTarget, () => shell.exitWithPin($("exit-pin").value));
  if (!result.ok) {
    $("exit-pin").value = "";
    showMessage(result.error);
  }
});

$("exit-cancel").addEventListener("click", () => shell.cancelExit());

showMessage(params.get("message") || "");
$("address").value = params.get("address") || "";
show(params.get("mode") === "exit" ? "exit-form" : "address-form");
