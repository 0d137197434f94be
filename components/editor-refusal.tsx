/** What a signed-in visitor without the editor role sees instead of an editor page. */
export function EditorRefusal({ title, message }: { title: string; message: string }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p role="alert" className="mt-4">
        {message}
      </p>
    </div>
  );
}
