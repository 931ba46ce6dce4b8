import { Link } from "../../components/link";
import { t } from "../../messages";

/** On the Property page, under Links and QR codes: the way to the sticker and plate editor. */
export function StickersEntry() {
  return (
    <section class="card stickers-entry" aria-labelledby="stickers-entry-title">
      <h2 id="stickers-entry-title">{t.stickers.title}</h2>
      <p class="muted">{t.stickers.lead}</p>
      <div class="actions">
        <Link class="button" to="/property/stickers">
          {t.stickers.openEditor}
        </Link>
      </div>
    </section>
  );
}
