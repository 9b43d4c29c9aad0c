import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrganizerRowLabel as OrganizerRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { ContactRowLabel as ContactRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { PhaseRowLabel as PhaseRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { RubricRowLabel as RubricRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { TrackRowLabel as TrackRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { LegalTermRowLabel as LegalTermRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { IntegrityPanel as IntegrityPanel_1be84becae2c42bf200cf78e7d9758fb } from '@exemplar/plugin-voting/client'
import { BlindDisplayWarning as BlindDisplayWarning_094fcdebb43b3bca628229778b8c9802 } from '@exemplar/plugin-review/client'
import { ResultsPanel as ResultsPanel_a43c588e1c63cec0eca44004ad292c4b } from '@exemplar/plugin-results/client'
import { IssuePanel as IssuePanel_810d66f7f72aeab63c8bf8acf673f1f9 } from '@exemplar/plugin-certificates/client'
import { TrackCell as TrackCell_0250cf821f5fdac94d8630761e46b075 } from '../../../components/Track'
import { TrackSelect as TrackSelect_0250cf821f5fdac94d8630761e46b075 } from '../../../components/Track'
import { SectionRowLabel as SectionRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { AttachmentRowLabel as AttachmentRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { AuthorRowLabel as AuthorRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { ProvinceSelect as ProvinceSelect_76785bf0cb7d08ae327ad0849a027217 } from '../../../components/ProvinceSelect'
import { ScreeningFlagRowLabel as ScreeningFlagRowLabel_78fd1df50d26651d826021025ca2462e } from '@exemplar/plugin-submissions/client'
import { TransitionPanel as TransitionPanel_93808b43837bebedb18e5e98ac5f26a5 } from '@exemplar/plugin-workflow/client'
import { HistoryRowLabel as HistoryRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { JsonText as JsonText_93a30b9b29e6e38fb95429e9469c5d3b } from '../../../components/JsonText'
import { CampusRowLabel as CampusRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { MediaAccountRowLabel as MediaAccountRowLabel_d0cb7904af756538d0e69f8212ab11a8 } from '../../../components/RowLabels'
import { DecidePanel as DecidePanel_b5e42dbfdd8c64760455a2b9ca8f0a71 } from '@exemplar/plugin-objections/client'
import { ScreeningNavLink as ScreeningNavLink_93808b43837bebedb18e5e98ac5f26a5 } from '@exemplar/plugin-workflow/client'
import { ReviewNavLink as ReviewNavLink_094fcdebb43b3bca628229778b8c9802 } from '@exemplar/plugin-review/client'
import { ScreeningView as ScreeningView_9b1ea829dfdf9feacaf0861c73e3cb1b } from '@exemplar/plugin-workflow/rsc'
import { ReviewView as ReviewView_11a27cb5c210bd785aa29ddc0c81dee8 } from '@exemplar/plugin-review/rsc'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/RowLabels#OrganizerRowLabel": OrganizerRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#ContactRowLabel": ContactRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#PhaseRowLabel": PhaseRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#RubricRowLabel": RubricRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#TrackRowLabel": TrackRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#LegalTermRowLabel": LegalTermRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "@exemplar/plugin-voting/client#IntegrityPanel": IntegrityPanel_1be84becae2c42bf200cf78e7d9758fb,
  "@exemplar/plugin-review/client#BlindDisplayWarning": BlindDisplayWarning_094fcdebb43b3bca628229778b8c9802,
  "@exemplar/plugin-results/client#ResultsPanel": ResultsPanel_a43c588e1c63cec0eca44004ad292c4b,
  "@exemplar/plugin-certificates/client#IssuePanel": IssuePanel_810d66f7f72aeab63c8bf8acf673f1f9,
  "/components/Track#TrackCell": TrackCell_0250cf821f5fdac94d8630761e46b075,
  "/components/Track#TrackSelect": TrackSelect_0250cf821f5fdac94d8630761e46b075,
  "/components/RowLabels#SectionRowLabel": SectionRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#AttachmentRowLabel": AttachmentRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#AuthorRowLabel": AuthorRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/ProvinceSelect#ProvinceSelect": ProvinceSelect_76785bf0cb7d08ae327ad0849a027217,
  "@exemplar/plugin-submissions/client#ScreeningFlagRowLabel": ScreeningFlagRowLabel_78fd1df50d26651d826021025ca2462e,
  "@exemplar/plugin-workflow/client#TransitionPanel": TransitionPanel_93808b43837bebedb18e5e98ac5f26a5,
  "/components/RowLabels#HistoryRowLabel": HistoryRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/JsonText#JsonText": JsonText_93a30b9b29e6e38fb95429e9469c5d3b,
  "/components/RowLabels#CampusRowLabel": CampusRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "/components/RowLabels#MediaAccountRowLabel": MediaAccountRowLabel_d0cb7904af756538d0e69f8212ab11a8,
  "@exemplar/plugin-objections/client#DecidePanel": DecidePanel_b5e42dbfdd8c64760455a2b9ca8f0a71,
  "@exemplar/plugin-workflow/client#ScreeningNavLink": ScreeningNavLink_93808b43837bebedb18e5e98ac5f26a5,
  "@exemplar/plugin-review/client#ReviewNavLink": ReviewNavLink_094fcdebb43b3bca628229778b8c9802,
  "@exemplar/plugin-workflow/rsc#ScreeningView": ScreeningView_9b1ea829dfdf9feacaf0861c73e3cb1b,
  "@exemplar/plugin-review/rsc#ReviewView": ReviewView_11a27cb5c210bd785aa29ddc0c81dee8,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
