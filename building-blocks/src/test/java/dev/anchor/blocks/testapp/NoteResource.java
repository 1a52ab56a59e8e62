package dev.anchor.blocks.testapp;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The test application's API: enough of one for the HTTP edge's checks to have something to guard. */
@Path("/test/notes")
public class NoteResource {

    /** The body of a new note. */
    public record NewNote(String text) {
    }

    private final Notes notes;

    public NoteResource(Notes notes) {
        this.notes = notes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response write(NewNote note, @HeaderParam("Idempotency-Key") String key) {
        return Response.status(201).entity(notes.write(UUID.randomUUID(), note.text()).toString()).build();
    }

    @GET
    public String find(@QueryParam("q") String q) {
        return q == null ? "" : q;
    }
}
