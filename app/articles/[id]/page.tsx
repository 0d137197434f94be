import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ReaderView } from "@/components/reader-view";
import { getArticle } from "@/lib/articles/data";
import { articleParamsSchema } from "@/lib/events/schema";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (rawId: string) => {
  const parsed = articleParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  return (await getArticle(parsed.data.id)) ?? notFound();
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Props) {
  return <ReaderView article={await load((await params).id)} />;
}
