import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-bold">Not found</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">There is no such event or article here.</p>
      <p className="mt-6">
        <Link href="/" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          See all events
        </Link>
      </p>
    </div>
  );
}
