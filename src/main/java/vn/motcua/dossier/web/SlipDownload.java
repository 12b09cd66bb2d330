package vn.motcua.dossier.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.SlipKind;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.NotFound;

/** A slip of a dossier as the officers' page and the API both send it: a PDF shown inline, named after the dossier. */
public final class SlipDownload {

    private SlipDownload() {
    }

    /** The slip {@code kind} (its path segment) of the dossier, within the officer's scope; an unknown kind is 404. */
    public static ResponseEntity<byte[]> pdf(DossierService dossiers, String code, String kind, OfficerScope scope) {
        SlipKind k = SlipKind.fromPath(kind).orElseThrow(() -> new NotFound("slip " + kind));
        byte[] pdf = dossiers.slip(code, k, scope);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + code + "-" + kind + ".pdf\"").body(pdf);
    }
}
